// @vitest-environment node
import { describe, expect, it } from 'vitest'
import {
  MAX_IMPORT_BYTES, defaultOptions, errorTableRows, fieldLabelKey, fileProblem, formatBytes, importQuery, nextStep,
  pageOf, reportFromPayload, validRowCount, type ImportReport,
} from '../importReport'

const REPORT = {
  id: null,
  dry_run: true,
  encoding: 'gb18030',
  duplicate_key: 'name',
  mode: 'skip',
  columns: [
    { index: 0, header: '客户名称', field: 'name' },
    { index: 1, header: '手机', field: 'contact_mobile' },
    { index: 2, header: '邮箱', field: 'contact_email' },
    { index: 3, header: '备用列', field: null },
  ],
  unmapped: ['备用列'],
  rows: 5,
  created: 3,
  updated: 0,
  skipped: 0,
  invalid: 2,
  errors: [
    { row: 6, column: '邮箱', field: 'contact_email', message: '电子邮箱格式不正确' },
    { row: 3, column: '手机', field: 'contact_mobile', message: '手机号应为 11 位' },
    { row: 3, field: 'name', message: '客户名称不能为空' },
  ],
  seconds: 0.84,
}

describe('importQuery', () => {
  it('sends every option, the run flags as true/false, and no owner by default', () => {
    expect(importQuery(defaultOptions(), { dryRun: true, validRows: false, withOwner: true })).toEqual({
      dry_run: 'true', duplicate_key: 'name', mode: 'skip', valid_rows: 'false', encoding: 'auto',
    })
  })

  it('sends owner_id only for those who may choose an owner', () => {
    const opts = { duplicate_key: 'credit_code', mode: 'fill_empty', encoding: 'big5', owner_id: 12 } as const
    expect(importQuery({ ...opts }, { dryRun: false, validRows: true, withOwner: true })).toEqual({
      dry_run: 'false', duplicate_key: 'credit_code', mode: 'fill_empty', valid_rows: 'true', encoding: 'big5', owner_id: 12,
    })
    expect(importQuery({ ...opts }, { dryRun: false, validRows: true, withOwner: false })).not.toHaveProperty('owner_id')
  })
})

describe('reportFromPayload', () => {
  it('reads a 200/201 body as it is', () => {
    const r = reportFromPayload(REPORT)!
    expect(r.rows).toBe(5)
    expect(r.columns[3]).toEqual({ index: 3, header: '备用列', field: null })
    expect(r.errors[2]).toEqual({ row: 3, column: null, field: 'name', message: '客户名称不能为空' })
    expect(r.seconds).toBe(0.84)
  })

  it('finds the report of a 422 beside the error, under `report`, or inside the error', () => {
    const error = { code: 'validation_failed', message: '导入的文件有误', request_id: 'r1' }
    for (const body of [
      { error, ...REPORT, id: null },
      { error, report: REPORT },
      { error: { ...error, report: REPORT } },
      { error: { ...error, ...REPORT } },
    ]) {
      const r = reportFromPayload(body)
      expect(r?.invalid).toBe(2)
      expect(r?.errors).toHaveLength(3)
    }
  })

  it('is null for a plain error or junk, and fills in what is missing', () => {
    expect(reportFromPayload({ error: { code: 'validation_failed', message: 'x', fields: { file: 'y' } } })).toBeNull()
    expect(reportFromPayload('oops')).toBeNull()
    expect(reportFromPayload(null)).toBeNull()
    const r = reportFromPayload({ rows: 2, columns: [{ header: 'A', field: 'name' }, { header: 'B' }] })!
    expect(r).toMatchObject({ id: null, created: 0, invalid: 0, errors: [], unmapped: ['B'] })
    expect(r.columns.map((c) => c.index)).toEqual([0, 1])
  })
})

describe('the report in the dialog', () => {
  const r = reportFromPayload(REPORT) as ImportReport

  it('lists errors by row, the column falling back to the mapped header', () => {
    expect(errorTableRows(r).map((e) => [e.row, e.column, e.message])).toEqual([
      [3, '手机', '手机号应为 11 位'],
      [3, '客户名称', '客户名称不能为空'],
      [6, '邮箱', '电子邮箱格式不正确'],
    ])
  })

  it('asks for an explicit choice when some rows are invalid', () => {
    expect(validRowCount(r)).toBe(3)
    expect(nextStep(r)).toBe('import_valid')
    expect(nextStep({ ...r, invalid: 0, errors: [] })).toBe('import')
    expect(nextStep({ ...r, invalid: 5 })).toBe('none')
    expect(nextStep({ ...r, rows: 0, invalid: 0, errors: [] })).toBe('none')
    // without a name column nothing can be created
    expect(nextStep({ ...r, invalid: 0, errors: [], columns: r.columns.filter((c) => c.field !== 'name') })).toBe('none')
  })

  it('pages a list', () => {
    const xs = Array.from({ length: 23 }, (_, i) => i)
    expect(pageOf(xs, 1, 10)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(pageOf(xs, 3, 10)).toEqual([20, 21, 22])
    expect(pageOf(xs, 4, 10)).toEqual([])
  })

  it('names where a field is translated', () => {
    expect(fieldLabelKey('name')).toBe('customer.fields.name')
    expect(fieldLabelKey('contact_mobile')).toBe('contact.fields.mobile')
    expect(fieldLabelKey('custom.grade_source')).toBeNull()
  })
})

describe('the picked file', () => {
  it('must be a CSV of at most 50 MB', () => {
    expect(fileProblem({ name: '客户.csv', size: 10 })).toBeNull()
    expect(fileProblem({ name: 'A.CSV', size: MAX_IMPORT_BYTES })).toBeNull()
    expect(fileProblem({ name: 'a.csv', size: MAX_IMPORT_BYTES + 1 })).toBe('too_large')
    expect(fileProblem({ name: 'a.xlsx', size: 10 })).toBe('not_csv')
    expect(fileProblem({ name: 'a.csv', size: 0 })).toBe('empty')
  })

  it('shows its size', () => {
    expect(formatBytes(12)).toBe('12 B')
    expect(formatBytes(2048)).toBe('2 KB')
    expect(formatBytes(50 * 1024 * 1024)).toBe('50.0 MB')
  })
})
