import crypto from 'node:crypto'

/** A keyed hash (HMAC-SHA256 with the Payload secret): what is stored instead of a token or an address. */
export function keyedHash(secret: string, value: string): string {
  return crypto.createHmac('sha256', secretKey(secret)).update(value).digest('hex')
}

// The secret as a KeyObject, made once: createHmac would otherwise import the string on every call.
const secretKeys = new Map<string, crypto.KeyObject>()
function secretKey(secret: string): crypto.KeyObject {
  let key = secretKeys.get(secret)
  if (!key) {
    key = crypto.createSecretKey(Buffer.from(secret, 'utf8'))
    if (secretKeys.size > 16) secretKeys.clear()
    secretKeys.set(secret, key)
  }
  return key
}
