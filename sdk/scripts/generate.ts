import fs from 'node:fs'
import path from 'node:path'
import { generatedFile, generateTypes, sdkDir } from './codegen'
import { persistedManifests } from './persisted'

// `npm run generate -w sdk`: rewrites src/generated/graphql.ts from schema.graphql and src/operations,
// and the persisted-query manifests (the SDK's and the plugin's copy) from src/operations.
const files = [
  { file: generatedFile, content: await generateTypes() },
  ...(await persistedManifests()),
]
for (const { file, content } of files) {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : ''
  fs.writeFileSync(file, content)
  const relative = path.relative(sdkDir, file)
  console.info(before === content ? `${relative} is up to date.` : `Wrote ${relative}.`)
}
