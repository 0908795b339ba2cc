// Words for surveys: the i18n keys of statuses, channels and question types, and tag colours.

export const statusKey = (status: string) => `surveys.statuses.${status}`
export const channelKey = (channel: string) => `surveys.channels.${channel}`
export const questionTypeKey = (type: string) => `surveys.questionTypes.${type}`

/** Tag colours of the invitation statuses (Element Plus tag types). */
export const STATUS_TAG: Record<string, 'primary' | 'success' | 'info' | 'warning' | 'danger'> = {
  pending: 'warning',
  answered: 'success',
  expired: 'info',
}

/** The public answer page of a link: the site's origin + the path the server gave ("/survey?token=…"). */
export function surveyUrl(origin: string, path: string): string {
  return `${origin.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`
}
