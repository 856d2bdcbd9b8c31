// Waits for a started app, then asks its GraphQL API for the seed article by slug (used by .ci/run).
const base = process.argv[2]
const slug = 'hoi-thao-chia-se-kinh-nghiem-thuc-hien-cac-tieu-du-an-cong-dong'
const query = `query ($slug: String!) { Articles(where: { slug: { equals: $slug } }) { docs { title publishedAt authors { name } source { title } bodyHtml } } }`

const deadline = Date.now() + 120_000
let last
while (Date.now() < deadline) {
  try {
    const response = await fetch(`${base}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables: { slug } }),
    })
    const body = await response.json()
    const article = body.data?.Articles?.docs?.[0]
    const ok =
      article?.title === 'Hội thảo chia sẻ kinh nghiệm thực hiện các tiểu dự án cộng đồng' &&
      article.publishedAt === '2022-08-04T14:59:00.000Z' &&
      article.authors?.[0]?.name === 'Mạnh Cường' &&
      article.source?.title === 'Trung tâm VH, TT-TT Than Uyên' &&
      article.bodyHtml.includes('<figcaption>Quang cảnh Hội thảo</figcaption>')
    if (!ok) throw new Error(`unexpected answer: ${JSON.stringify(body).slice(0, 500)}`)
    const admin = await fetch(`${base}/admin/login`)
    if (admin.status !== 200) throw new Error(`/admin/login answered ${admin.status}`)
    console.log(`smoke: ${base} serves the seed article over GraphQL and the admin login page`)
    process.exit(0)
  } catch (error) {
    last = error
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
}
console.error(
  `smoke: ${base} did not serve the seed article within 120 s: ${last?.message ?? last}`,
)
process.exit(1)
