import { chromium } from 'playwright-core';
const [url, w, h] = [process.argv[2], +process.argv[3], +process.argv[4]];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: w, height: h }, serviceWorkers: 'block' });
await page.addInitScript(() => {
  window.shifts = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.shifts.push({ v: e.value, at: Math.round(e.startTime), src: e.sources.map((s) => (s.node?.className || s.node?.nodeName) + ' ' + JSON.stringify(s.previousRect) + '->' + JSON.stringify(s.currentRect)) }); }).observe({ type: 'layout-shift', buffered: true });
});
await page.goto(url); await page.waitForLoadState('networkidle'); await page.waitForTimeout(2000);
console.log(JSON.stringify(await page.evaluate(() => window.shifts), null, 1));
await browser.close();
