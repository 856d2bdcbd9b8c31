import Link from 'next/link'

/** "Trang chủ › Chuyên mục › Bài viết": the last crumb is the current page. */
export function Breadcrumbs({
  label,
  crumbs,
}: {
  label: string
  crumbs: Array<{ href?: string; title: string }>
}) {
  return (
    <nav aria-label={label} className="breadcrumbs">
      <ol>
        {crumbs.map((crumb, i) => (
          <li key={`${i}-${crumb.title}`}>
            {crumb.href ? (
              <Link href={crumb.href}>{crumb.title}</Link>
            ) : (
              <span aria-current="page">{crumb.title}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  )
}
