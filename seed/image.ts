import sharp from 'sharp'

/** Draws the seed article's picture locally (a meeting-hall scene in flat shapes): nothing is downloaded. */
export async function drawSeedPicture(width = 1200, height = 675): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 1200 675">
  <defs><linearGradient id="wall" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#f3e3c3"/><stop offset="1" stop-color="#d9b77e"/></linearGradient></defs>
  <rect width="1200" height="675" fill="url(#wall)"/>
  <rect x="150" y="60" width="900" height="200" rx="8" fill="#b3202a"/>
  <rect x="180" y="90" width="840" height="20" fill="#f7d046"/>
  <rect x="180" y="130" width="600" height="14" fill="#f7d046" opacity="0.8"/>
  <rect x="180" y="160" width="720" height="14" fill="#f7d046" opacity="0.8"/>
  <rect x="0" y="430" width="1200" height="245" fill="#6b4226"/>
  ${Array.from({ length: 10 }, (_, i) => {
    const x = 80 + i * 110
    return `<circle cx="${x}" cy="420" r="26" fill="#2d2a32"/><rect x="${x - 34}" y="446" width="68" height="90" rx="18" fill="${i % 2 ? '#1f4e79' : '#f5f5f5'}"/>`
  }).join('')}
  <rect x="0" y="520" width="1200" height="40" fill="#3d2616"/>
</svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer()
}
