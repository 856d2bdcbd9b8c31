/** A label in both admin languages: Vietnamese first, English on request. */
export const label = (vi: string, en: string) => ({ vi, en })

/** Sidebar groups. */
export const groups = {
  news: label('Tin tức', 'News'),
  statistics: label('Thống kê', 'Statistics'),
  system: label('Hệ thống', 'System'),
}
