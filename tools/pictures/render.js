// Renders every BPMN model under processes/ to docs/images/models/ (<folder>-<file>.png, or <folder>.png), as the bpmn-js viewer
// (the renderer of Camunda Modeler and Cockpit) draws it, at full size, in headless Chromium.
// Usage (from the repository root): npm ci --prefix tools/pictures && npm run render --prefix tools/pictures
// CHROMIUM names the browser binary (default: chromium on the PATH).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const root = path.resolve(__dirname, '..', '..');
const out = path.join(root, 'docs', 'images', 'models');
const dist = path.join(__dirname, 'node_modules', 'bpmn-js', 'dist');
const chromium = process.env.CHROMIUM || 'chromium';
const MARGIN = 20;
const PROBE = { width: 800, height: 600 };

function models(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith('.') ? [] : models(file);
    return entry.name.endsWith('.bpmn') ? [file] : [];
  }).sort();
}

// The page imports the model and reports the diagram's extent in its title (first pass), or shows the whole
// diagram at scale 1 from its top left corner (second pass, a screenshot of exactly that size).
function page(xml, box) {
  const href = name => 'file://' + path.join(dist, 'assets', name);
  return `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="${href('diagram-js.css')}"><link rel="stylesheet" href="${href('bpmn-js.css')}">
<style>html, body, #canvas { margin: 0; width: 100%; height: 100%; background: #fff; overflow: hidden }</style>
</head><body><div id="canvas"></div>
<script src="file://${path.join(dist, 'bpmn-viewer.production.min.js')}"></script>
<script>
  const viewer = new BpmnJS({ container: '#canvas' });
  viewer.importXML(${JSON.stringify(xml)}).then(({ warnings }) => {
    const canvas = viewer.get('canvas');
    const box = ${JSON.stringify(box)};
    if (box) {
      canvas.viewbox(box);
    } else {
      const inner = canvas.viewbox().inner;
      document.title = JSON.stringify({ x: inner.x, y: inner.y, width: inner.width, height: inner.height,
        warnings: warnings.map(w => w.message), frame: window.outerHeight - window.innerHeight });
    }
  }).catch(e => { document.title = JSON.stringify({ error: String(e) }); });
</script></body></html>`;
}

function chrome(html, args) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onestop-pictures-'));
  const file = path.join(dir, 'model.html');
  fs.writeFileSync(file, html);
  try {
    return execFileSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars',
      '--allow-file-access-from-files', '--virtual-time-budget=10000', ...args, 'file://' + file],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function frame(extent) {
  return Number.isFinite(extent.frame) && extent.frame > 0 ? extent.frame : 0;
}

fs.mkdirSync(out, { recursive: true });
for (const file of models(path.join(root, 'processes'))) {
  const xml = fs.readFileSync(file, 'utf8');
  const dom = chrome(page(xml, null), [`--window-size=${PROBE.width},${PROBE.height}`, '--dump-dom']);
  const title = /<title>(.*?)<\/title>/s.exec(dom);
  const extent = title && JSON.parse(title[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
  if (!extent || extent.error || extent.warnings.length) {
    throw new Error(path.relative(root, file) + ': ' + JSON.stringify(extent));
  }
  const box = { x: extent.x - MARGIN, y: extent.y - MARGIN, width: Math.ceil(extent.width) + 2 * MARGIN,
    height: Math.ceil(extent.height) + 2 * MARGIN };
  // processes/common/reception.bpmn -> common-reception.png; processes/x/x.bpmn -> x.png
  const folder = path.basename(path.dirname(file));
  const name = path.basename(file, '.bpmn');
  const png = path.join(out, (name === folder ? name : folder + '-' + name) + '.png');
  // headless Chromium's page is shorter than its window by a frame the first pass measured
  chrome(page(xml, box), [`--window-size=${box.width},${box.height + frame(extent)}`, '--screenshot=' + png]);
  console.log(path.relative(root, png) + ' ' + box.width + 'x' + box.height);
}
