// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createI18n } from 'vue-i18n'
import zhCN from '../zh-CN'
import zhTW from '../zh-TW'
import en from '../en'

type Tree = { [k: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (typeof v === 'string') out.set(key, v)
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv)
  }
  return out
}

const locales = { 'zh-CN': flatten(zhCN as Tree), 'zh-TW': flatten(zhTW as Tree), en: flatten(en as Tree) }
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('locales', () => {
  for (const [name, keys] of Object.entries(locales)) {
    if (name === 'zh-CN') continue
    it(`${name} has exactly the keys of zh-CN`, () => {
      const missing = [...locales['zh-CN'].keys()].filter((k) => !keys.has(k))
      const extra = [...keys.keys()].filter((k) => !locales['zh-CN'].has(k))
      expect({ missing, extra }).toEqual({ missing: [], extra: [] })
    })
    it(`${name} uses the same placeholders as zh-CN`, () => {
      const wrong = [...locales['zh-CN']].filter(([k, v]) => keys.has(k) && placeholders(v).join() !== placeholders(keys.get(k)!).join())
      expect(wrong.map(([k]) => k)).toEqual([])
    })
  }

  it('no message is empty, and none uses characters vue-i18n would interpret', () => {
    for (const [name, keys] of Object.entries(locales)) {
      for (const [k, v] of keys) {
        expect(v.trim(), `${name}:${k}`).not.toBe('')
        expect(/[@|$%]/.test(v) || /\{(?!\w+\})/.test(v), `${name}:${k} = ${v}`).toBe(false)
      }
    }
  })

  it('every message compiles and renders (JIT compiler, no eval)', () => {
    const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en } })
    for (const [name, keys] of Object.entries(locales)) {
      i18n.global.locale.value = name as 'zh-CN'
      for (const k of keys.keys()) {
        const out = i18n.global.t(k, { n: 3, name: 'N', id: 'I', user: 'U', at: 'A' })
        expect(out, `${name}:${k}`).not.toBe(k)
      }
    }
  })

  it('zh-TW is written in traditional characters', () => {
    // Common simplified-only characters; none may appear in zh-TW except in language names.
    const simplified = /[户编删设语页录码认据报务册资团队将检这时选择择关闭还员权导级单复态变显动]/
    const bad = [...locales['zh-TW']].filter(([k, v]) => !k.startsWith('lang.') && simplified.test(v))
    expect(bad).toEqual([])
  })

  it('every key the source code uses literally exists in zh-CN', () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
    const files: string[] = []
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f)
        if (statSync(p).isDirectory()) {
          if (f !== '__tests__' && f !== 'locales') walk(p)
        } else if (/\.(vue|ts)$/.test(f)) files.push(p)
      }
    }
    walk(root)
    const missing: string[] = []
    for (const f of files) {
      const src = readFileSync(f, 'utf8')
      for (const m of src.matchAll(/\bte?\(\s*'([a-zA-Z][\w-]*(?:\.[\w-]+)+)'/g)) {
        if (!locales['zh-CN'].has(m[1])) missing.push(`${f.slice(root.length)}: ${m[1]}`)
      }
      for (const m of src.matchAll(/title: '([a-zA-Z]+\.[\w.]+)'/g)) {
        if (!locales['zh-CN'].has(m[1])) missing.push(`${f.slice(root.length)}: ${m[1]}`)
      }
    }
    expect(files.length).toBeGreaterThan(10)
    expect(missing).toEqual([])
  })
})
