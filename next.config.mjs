import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // The package's sources import each other as `./x.js` (ESM style); webpack maps that to x.ts.
  // Turbopack cannot (vercel/next.js#82945), so the scripts build with `--webpack`.
  webpack: (config) => {
    config.resolve.extensionAlias = { '.js': ['.ts', '.tsx', '.js'] }
    return config
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
