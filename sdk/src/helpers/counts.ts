const vietnamese = /* @__PURE__ */ new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 })

/** A count the Vietnamese way, dots between thousands: `formatCount(16917328)` → `"16.917.328"`. */
export function formatCount(count: number): string {
  return vietnamese.format(count)
}

/** The rating line under an article: `"Tổng số điểm của bài viết là: 0 trong 0 đánh giá"`. */
export function ratingLine({ total, count }: { total: number; count: number }): string {
  return `Tổng số điểm của bài viết là: ${formatCount(total)} trong ${formatCount(count)} đánh giá`
}
