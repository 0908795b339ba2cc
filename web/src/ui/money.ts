// Money travels as an integer number of fen (0.01 CNY). People type and read yuan.
// Conversions go through decimal strings so no float rounding error can creep in.

/** fen (integer) → yuan as a number with at most 2 decimals, for an input box. */
export function fenToYuan(fen: number | null | undefined): number | null {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return null
  return Number(fenToYuanString(fen))
}

/** fen → "12345.67" (no grouping). */
export function fenToYuanString(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`fen must be a safe integer: ${fen}`)
  const neg = fen < 0
  const abs = Math.abs(fen)
  const yuan = Math.floor(abs / 100)
  const cents = String(abs % 100).padStart(2, '0')
  return `${neg ? '-' : ''}${yuan}.${cents}`
}

/**
 * yuan (number or text such as "1,234.5", "¥ 10", "0.07") → integer fen.
 * Returns null for empty input; throws RangeError for text that is not an amount
 * or has more than 2 decimals.
 */
export function yuanToFen(yuan: number | string | null | undefined): number | null {
  if (yuan === null || yuan === undefined) return null
  let text: string
  if (typeof yuan === 'number') {
    if (!Number.isFinite(yuan)) throw new RangeError('amount is not finite')
    // A number from an input box with precision 2, e.g. 0.1 + 0.2: round to cents.
    text = yuan.toFixed(2)
  } else {
    text = yuan.replace(/[,\s¥￥]/g, '')
    if (text === '') return null
  }
  const m = /^(-)?(\d+)(?:\.(\d{0,2}))?$/.exec(text)
  if (!m) throw new RangeError(`not an amount with at most 2 decimals: ${yuan}`)
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'))
  if (!Number.isSafeInteger(fen)) throw new RangeError('amount too large')
  return m[1] && fen !== 0 ? -fen : fen
}

/** fen → "¥5,000,000.00" grouped for the given locale. */
export function formatFen(fen: number | null | undefined, locale = 'zh-CN'): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return ''
  const [int, cents] = fenToYuanString(Math.abs(fen)).split('.')
  const grouped = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Number(int))
  return `${fen < 0 ? '-' : ''}¥${grouped}.${cents}`
}

/**
 * fen → a short amount for summaries: in the Chinese locales ¥12.3万 / ¥1.2亿 from ¥10,000 up
 * (one decimal, rounded half up on integers); otherwise, and in English, the full formatFen.
 */
export function formatFenCompact(fen: number | null | undefined, locale = 'zh-CN'): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return ''
  const abs = Math.abs(fen)
  if (!locale.startsWith('zh') || abs < 1_000_000) return formatFen(fen, locale)
  const [unit, size] = abs >= 10_000_000_000 ? ['亿', 10_000_000_000] : ['万', 1_000_000]
  // tenths of the unit, integer arithmetic: round(abs / (size / 10))
  const step = size / 10
  const tenths = Math.floor((abs + step / 2) / step)
  const whole = Math.floor(tenths / 10)
  const dec = tenths % 10
  const grouped = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(whole)
  return `${fen < 0 ? '-' : ''}¥${grouped}${dec ? `.${dec}` : ''}${unit}`
}
