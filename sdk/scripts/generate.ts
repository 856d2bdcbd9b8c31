import fs from 'node:fs'
import path from 'node:path'
import { generatedFile, generateTypes, sdkDir } from './codegen'

// `npm run generate -w sdk`: rewrites src/generated/graphql.ts from schema.graphql and src/operations.
const { content, pendingInUse, pendingShadowed } = await generateTypes()
fs.mkdirSync(path.dirname(generatedFile), { recursive: true })
const before = fs.existsSync(generatedFile) ? fs.readFileSync(generatedFile, 'utf8') : ''
fs.writeFileSync(generatedFile, content)
const relative = path.relative(sdkDir, generatedFile)
console.info(before === content ? `${relative} is up to date.` : `Wrote ${relative}.`)
if (pendingShadowed.length) {
  console.info(`schema.graphql now has ${pendingShadowed.join(', ')}: delete them from schema.pending.graphql.`)
}
if (pendingInUse.length) {
  console.info(`schema.pending.graphql still supplies what schema.graphql lacks: ${pendingInUse.join(', ')}.`)
} else if (fs.existsSync(path.join(sdkDir, 'schema.pending.graphql'))) {
  console.info('schema.graphql now has everything schema.pending.graphql declared: delete schema.pending.graphql.')
}
