// Customer import: the options a person picks, and the server's report turned into what the
// dialog shows. Pure functions only; the network is in importApi.ts.

export const DUPLICATE_KEYS = ['credit_code', 'name', 'mobile', 'email'] as const
export type DuplicateKey = (typeof DUPLICATE_KEYS)[number]
export const IMPORT_MODES = ['skip', 'fill_empty', 'overwrite', 'create'] as const
export type ImportMode = (typeof IMPORT_MODES)[number]
export const ENCODINGS = ['auto', 'utf-8', 'gb18030', 'big5'] as const
export type ImportEncoding = (typeof ENCODINGS)[number]

/** The server's limits (docs/api.md): the UI checks the size before sending. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024
export const MAX_IMPORT_ROWS = 200_000

export interface ImportOptions {
  duplicate_key: DuplicateKey
  mode: ImportMode
  encoding: ImportEncoding
  /** leads only: whose the new customers are (empty: the server's default, the importer) */
  owner_id: number | null
}

export function defaultOptions(): ImportOptions {
  return { duplicate_key: 'name', mode: 'skip', encoding: 'auto', owner_id: null }
}

export interface ImportColumn {
  index: number
  header: string
  field: string | null
}

export interface ImportRowError {
  row: number
  column?: string | null
  field?: string | null
  message: string
}

export interface ImportReport {
  id: number | null
  dry_run: boolean
  encoding: string
  duplicate_key: string
  mode: string
  columns: ImportColumn[]
  unmapped: string[]
  rows: number
  created: number
  updated: number
  skipped: number
  invalid: number
  errors: ImportRowError[]
  seconds?: number
}

export interface ImportHistoryItem {
  id: number
  at: string
  user_id: number
  user_name?: string | null
  rows: number
  created: number
  updated: number
  skipped: number
  invalid: number
  duplicate_key: string
  mode: string
  undone_at?: string | null
  can_undo: boolean
  version?: number
}

/** The query of POST /customers/imports. `owner_id` goes only where the caller may choose an owner. */
export function importQuery(
  opts: ImportOptions,
  run: { dryRun: boolean; validRows: boolean; withOwner: boolean },
): Record<string, string | number> {
  const q: Record<string, string | number> = {
    dry_run: run.dryRun ? 'true' : 'false',
    duplicate_key: opts.duplicate_key,
    mode: opts.mode,
    valid_rows: run.validRows ? 'true' : 'false',
    encoding: opts.encoding,
  }
  if (run.withOwner && typeof opts.owner_id === 'number' && opts.owner_id > 0) q.owner_id = opts.owner_id
  return q
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0)
const str = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v))

function looksLikeReport(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v) && ('rows' in v || 'columns' in v || ('errors' in v && Array.isArray((v as { errors: unknown }).errors)))
}

/**
 * The report in a response body: the body itself (200/201), or — on 422 — beside the error
 * (`{"error":{…},"rows":…}`), under `report` beside it, or inside the error object.
 * Missing members are filled in so the dialog can always render it; null when there is none.
 */
export function reportFromPayload(payload: unknown): ImportReport | null {
  if (!payload || typeof payload !== 'object') return null
  const p = payload as Record<string, unknown>
  const err = p.error && typeof p.error === 'object' ? (p.error as Record<string, unknown>) : null
  const candidates = [p, p.report, err?.report, err]
  const r = candidates.find(looksLikeReport)
  if (!r) return null
  const columns = Array.isArray(r.columns)
    ? (r.columns as Record<string, unknown>[]).map((c, i) => ({
        index: typeof c?.index === 'number' ? c.index : i,
        header: str(c?.header),
        field: typeof c?.field === 'string' && c.field ? c.field : null,
      }))
    : []
  const errors = Array.isArray(r.errors)
    ? (r.errors as Record<string, unknown>[])
        .filter((e) => e && typeof e === 'object')
        .map((e) => ({
          row: num(e.row),
          column: typeof e.column === 'string' ? e.column : null,
          field: typeof e.field === 'string' ? e.field : null,
          message: str(e.message),
        }))
    : []
  return {
    id: typeof r.id === 'number' ? r.id : null,
    dry_run: r.dry_run === true,
    encoding: str(r.encoding),
    duplicate_key: str(r.duplicate_key),
    mode: str(r.mode),
    columns,
    unmapped: Array.isArray(r.unmapped) ? (r.unmapped as unknown[]).map(str) : columns.filter((c) => !c.field).map((c) => c.header),
    rows: num(r.rows),
    created: num(r.created),
    updated: num(r.updated),
    skipped: num(r.skipped),
    invalid: num(r.invalid),
    errors,
    seconds: typeof r.seconds === 'number' ? r.seconds : undefined,
  }
}

/** Rows that would go in (or went in): every data row but the invalid ones. */
export function validRowCount(r: ImportReport): number {
  return Math.max(0, r.rows - r.invalid)
}

export type NextStep =
  /** nothing can be imported: fix the file */
  | 'none'
  /** every row is fine: a plain import */
  | 'import'
  /** some rows are bad: the person must choose to import only the valid ones */
  | 'import_valid'

export function nextStep(r: ImportReport): NextStep {
  if (r.rows <= 0 || validRowCount(r) <= 0) return 'none'
  if (!r.columns.some((c) => c.field === 'name')) return 'none'
  return r.invalid > 0 || r.errors.length > 0 ? 'import_valid' : 'import'
}

export interface ErrorTableRow {
  key: string
  row: number
  column: string
  field: string
  message: string
}

/** The report's errors as table rows, by row then column; the column falls back to the field. */
export function errorTableRows(r: Pick<ImportReport, 'errors' | 'columns'>): ErrorTableRow[] {
  const headerOf = new Map(r.columns.filter((c) => c.field).map((c) => [c.field as string, c.header]))
  return r.errors
    .map((e, i) => ({
      key: `${e.row}-${i}`,
      row: e.row,
      column: e.column || (e.field ? headerOf.get(e.field) ?? e.field : ''),
      field: e.field ?? '',
      message: e.message,
      order: i,
    }))
    .sort((a, b) => a.row - b.row || a.order - b.order)
    .map(({ order: _order, ...rest }) => rest)
}

/** One page of a list (1-based page). */
export function pageOf<T>(items: T[], page: number, size: number): T[] {
  const start = Math.max(0, (page - 1) * size)
  return items.slice(start, start + size)
}

/** Where a report's field name is translated: customer fields, contact fields (`contact_…`), or none. */
export function fieldLabelKey(field: string): string | null {
  if (!field) return null
  if (field.startsWith('contact_')) return `contact.fields.${field.slice('contact_'.length)}`
  if (field.startsWith('contact.')) return `contact.fields.${field.slice('contact.'.length)}`
  if (field.startsWith('custom.')) return null
  return `customer.fields.${field}`
}

/** "12 B", "820 KB", "1.5 MB" */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`
  return `${bytes} B`
}

/** Why a picked file cannot be sent, or null: only .csv, at most 50 MB, not empty. */
export function fileProblem(file: { name: string; size: number }): 'not_csv' | 'too_large' | 'empty' | null {
  if (!/\.csv$/i.test(file.name)) return 'not_csv'
  if (file.size > MAX_IMPORT_BYTES) return 'too_large'
  if (file.size === 0) return 'empty'
  return null
}
