import { describe, expect, it } from 'vitest'
import { fenToYuan, fenToYuanString, formatFen, yuanToFen } from '../money'

describe('yuanToFen', () => {
  it.each([
    [0, 0],
    [1, 100],
    [0.1, 10],
    [0.07, 7],
    [19.99, 1999],
    [0.1 + 0.2, 30],
    [1234567.89, 123456789],
    [50000, 5000000],
  ])('number %s → %s fen', (yuan, fen) => {
    expect(yuanToFen(yuan)).toBe(fen)
  })

  it.each([
    ['0.07', 7],
    ['10', 1000],
    ['10.5', 1050],
    ['1,234.56', 123456],
    ['¥ 99.9', 9990],
    ['-3.20', -320],
  ])('text %s → %s fen', (yuan, fen) => {
    expect(yuanToFen(yuan)).toBe(fen)
  })

  it('empty means no amount', () => {
    expect(yuanToFen(null)).toBeNull()
    expect(yuanToFen(undefined)).toBeNull()
    expect(yuanToFen('')).toBeNull()
    expect(yuanToFen('  ')).toBeNull()
  })

  it('rejects what is not an amount of yuan and fen', () => {
    expect(() => yuanToFen('10.005')).toThrow(RangeError)
    expect(() => yuanToFen('abc')).toThrow(RangeError)
    expect(() => yuanToFen('1e3')).toThrow(RangeError)
    expect(() => yuanToFen(Number.POSITIVE_INFINITY)).toThrow(RangeError)
    expect(() => yuanToFen('99999999999999999999')).toThrow(RangeError)
  })
})

describe('fen → yuan', () => {
  it('converts exactly', () => {
    expect(fenToYuan(5000000)).toBe(50000)
    expect(fenToYuan(1999)).toBe(19.99)
    expect(fenToYuan(7)).toBe(0.07)
    expect(fenToYuan(null)).toBeNull()
    expect(fenToYuanString(5)).toBe('0.05')
    expect(fenToYuanString(-1050)).toBe('-10.50')
  })

  it('round-trips every cent value', () => {
    for (let fen = -250; fen <= 100000; fen += 7) expect(yuanToFen(fenToYuan(fen))).toBe(fen)
    expect(yuanToFen(fenToYuan(900719925474099))).toBe(900719925474099)
  })

  it('formats grouped with the yuan sign', () => {
    expect(formatFen(5000000)).toBe('¥50,000.00')
    expect(formatFen(123456789, 'en')).toBe('¥1,234,567.89')
    expect(formatFen(-5)).toBe('-¥0.05')
    expect(formatFen(null)).toBe('')
  })
})
