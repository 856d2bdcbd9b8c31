// What `npm run test:package` proves about the installed tarballs, one check a claim, in order.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { request } from './http.mjs'

const plugin = 'payload-plugin-news-portal'
const password = 'package-check-Passw0rd'
const admin = { email: 'admin@package-check.test', password, roles: ['admin'] }
const editor = { email: 'editor@package-check.test', password, roles: ['editor'] }
const article = {
  title: 'Khai trương cổng thông tin điện tử',
  slug: 'khai-truong-cong-thong-tin-dien-tu',
}

function expectEqual(actual, expected, what) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`)
  }
}

function expectStatus(answer, status, what) {
  if (answer.status !== status) {
    throw new Error(
      `${what} answered ${answer.status}, not ${status}: ${answer.text.slice(0, 400)}`,
    )
  }
}

/** A Lexical document of one paragraph, as the admin's editor saves it. */
const paragraph = (text) => ({
  root: {
    type: 'root',
    format: '',
    indent: 0,
    version: 1,
    direction: 'ltr',
    children: [
      {
        type: 'paragraph',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        textFormat: 0,
        children: [
          { type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 },
        ],
      },
    ],
  },
})

/** The files a tarball holds that a package of built code has no business shipping. */
const demoFiles = (files) =>
  files.filter(
    (file) =>
      /^(config|seed|app|tests|data|migrations|scripts|src|bench)\//.test(file) ||
      /\.(db|sqlite|tsbuildinfo)$/.test(file) ||
      /^payload\.config\./.test(file),
  )

export const checks = [
  {
    name: 'the plugin tarball holds built code and declarations and nothing of the demo app',
    run({ packs }) {
      const files = packs.plugin.files.map((file) => file.path)
      expectEqual(demoFiles(files), [], 'demo files in the plugin tarball')
      for (const entry of [
        'dist/plugin/index.js',
        'dist/plugin/index.d.ts',
        'dist/plugin/client.js',
        'dist/plugin/rsc.js',
      ]) {
        if (!files.includes(entry)) throw new Error(`the plugin tarball lacks ${entry}`)
      }
      const stray = files.filter(
        (file) => !/^(dist\/.*\.(js|d\.ts)|README\.md|package\.json)$/.test(file),
      )
      expectEqual(stray, [], 'files other than dist/*.js, dist/*.d.ts, README.md, package.json')
    },
  },
  {
    name: "the site's import map takes the admin components from the package's /client and /rsc",
    run({ appDir }) {
      const importMap = fs.readFileSync(
        path.join(appDir, 'app/(payload)/admin/importMap.js'),
        'utf8',
      )
      for (const key of [
        `${plugin}/client#SlugField`,
        `${plugin}/client#RatingCell`,
        `${plugin}/rsc#CountersDashboard`,
      ]) {
        if (!importMap.includes(`"${key}"`)) throw new Error(`the import map has no entry "${key}"`)
      }
      for (const entry of ['client', 'rsc']) {
        if (!importMap.includes(`from '${plugin}/${entry}'`)) {
          throw new Error(`the import map imports nothing from '${plugin}/${entry}'`)
        }
      }
    },
  },
  {
    name: 'an editor is created (by the first user, an admin) and logs in',
    async run({ base, state }) {
      const first = await request(base, '/api/users/first-register', {
        method: 'POST',
        json: admin,
      })
      expectStatus(first, 200, 'POST /api/users/first-register')
      const created = await request(base, '/api/users', {
        method: 'POST',
        json: editor,
        token: first.body.token,
      })
      expectStatus(created, 201, 'POST /api/users (the editor)')
      const login = await request(base, '/api/users/login', {
        method: 'POST',
        json: { email: editor.email, password: editor.password },
      })
      expectStatus(login, 200, 'POST /api/users/login (the editor)')
      expectEqual(login.body.user?.roles, ['editor'], "the logged-in user's roles")
      state.editorToken = login.body.token
    },
  },
  {
    name: "GET /admin/login answers 200 with Payload's login form",
    async run({ base }) {
      const answer = await request(base, '/admin/login')
      expectStatus(answer, 200, 'GET /admin/login')
      // The form reaches the page in its React payload, as a module reference naming the export.
      for (const mark of ['<title>Login - Payload</title>', '\\"LoginForm\\"']) {
        if (!answer.text.includes(mark)) throw new Error(`/admin/login has no ${mark} in its HTML`)
      }
    },
  },
  {
    name: "the editor's admin renders the package's components: the counters dashboard (rsc) and the slug field (client)",
    async run({ base, state }) {
      if (!state.editorToken) throw new Error('no editor token: the editor check failed')
      const dashboard = await request(base, '/admin', { cookie: state.editorToken })
      expectStatus(dashboard, 200, 'GET /admin')
      if (!dashboard.text.includes('data-news-portal="counters-dashboard"')) {
        throw new Error('the dashboard has no counters panel: CountersDashboard did not render')
      }
      const create = await request(base, '/admin/collections/articles/create', {
        cookie: state.editorToken,
      })
      expectStatus(create, 200, 'GET /admin/collections/articles/create')
      // A client component reaches the page as a module reference naming its export.
      if (!create.text.includes('\\"SlugField\\"]')) {
        throw new Error('the article form has no SlugField module reference')
      }
    },
  },
  {
    name: 'the editor publishes an article in a category through REST',
    async run({ base, state }) {
      if (!state.editorToken) throw new Error('no editor token: the editor check failed')
      const token = state.editorToken
      const category = await request(base, '/api/categories', {
        method: 'POST',
        json: { title: 'Thời sự' },
        token,
      })
      expectStatus(category, 201, 'POST /api/categories')
      const created = await request(base, '/api/articles', {
        method: 'POST',
        token,
        json: {
          title: article.title,
          body: paragraph('Cổng thông tin điện tử chính thức hoạt động.'),
          categories: [category.body.doc.id],
          _status: 'published',
        },
      })
      expectStatus(created, 201, 'POST /api/articles')
      const { slug, _status, primaryCategory } = created.body.doc
      expectEqual(
        { slug, _status, primaryCategory: primaryCategory?.id ?? primaryCategory },
        {
          slug: article.slug,
          _status: 'published',
          primaryCategory: category.body.doc.id,
        },
        'the created article',
      )
      state.published = true
    },
  },
  {
    name: 'the public ArticlePage query returns the article to an anonymous reader',
    async run({ base, state }) {
      if (!state.published) throw new Error('no article: the publishing check failed')
      const answer = await request(base, '/api/graphql', {
        method: 'POST',
        json: {
          query: 'query ($slug: String!) { ArticlePage(slug: $slug) { article { title slug } } }',
          variables: { slug: article.slug },
        },
      })
      expectStatus(answer, 200, 'POST /api/graphql')
      expectEqual(answer.body, { data: { ArticlePage: { article } } }, 'the ArticlePage answer')
    },
  },
  {
    name: 'a plain Node script reads the article through the installed SDK tarball',
    run({ base, appDir, state }) {
      if (!state.published) throw new Error('no article: the publishing check failed')
      const result = spawnSync(
        process.execPath,
        ['read-article.mjs', `${base}/api/graphql`, article.slug],
        {
          cwd: appDir,
          encoding: 'utf8',
          timeout: 30_000,
        },
      )
      if (result.status !== 0)
        throw new Error(`node read-article.mjs exited ${result.status}: ${result.stderr}`)
      expectEqual(
        JSON.parse(result.stdout),
        { pageTitle: article.title, bySlugTitle: article.title },
        'what the SDK read',
      )
    },
  },
]
