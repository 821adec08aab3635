// Every date the 工作台 shows is Beijing time, whatever the browser's time zone.
const dateTime = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

export function beijingTime(iso: string | null | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : '—';
}

export function daysLeft(days: number | null): string {
  if (days === null) return '—';
  if (days < 0) return `已超期 ${-days} 个工作日`;
  if (days === 0) return '今日到期';
  return `剩余 ${days} 个工作日`;
}
