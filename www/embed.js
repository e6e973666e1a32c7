// The embedding example (embed.html): the <huixi-report> element and the JS module API.
import init, { analyze } from './pkg/huixi.js';

// Listen before the element is defined, so its first report is not missed.
document.getElementById('demo').addEventListener('huixi-report', (e) => {
  const r = e.detail;
  document.getElementById('event-out').textContent =
    `收到 huixi-report 事件：${r.people.length} 位人物，会议“${r.meeting.name ?? '未识别'}”。`;
});
await import('./huixi-element.js');

await init();
const report = analyze(document.getElementById('api-text').textContent);
// Report fields are user data: written with textContent, never as HTML.
document.getElementById('api-kind').textContent = report.document.kind;
document.getElementById('api-meeting').textContent = report.meeting.name ?? '（未识别）';
document.getElementById('api-people').textContent =
  report.people.map((p) => p.name + (p.titles.length ? `（${p.titles.join('、')}）` : '')).join('；') || '（未识别）';
