import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'
import { limitRequestBody } from 'payload-plugin-news-portal'

// Bodies over the plugin's maxRequestBodyBytes get 413 before Payload reads them.
export const POST = limitRequestBody(config, GRAPHQL_POST(config))
export const OPTIONS = REST_OPTIONS(config)
