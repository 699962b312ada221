#!/usr/bin/env node
// Writes catalog.json for the rules: the divisions of processes/procedures.yaml and, for every called model
// under processes/, the variables it declares it reads (camunda:property "inputs" on its process). Run before
// linting (npm's prelint / pretest) and before bundling the rules into a Camunda Modeler plugin, which has no
// file system to read the catalog from.
'use strict';

const fs = require('fs');
const path = require('path');
const yaml = require('js-yaml');
const { BpmnModdle } = require('bpmn-moddle');
const camunda = require('camunda-bpmn-moddle/resources/camunda.json');

const processes = path.resolve(process.argv[2] || path.join(__dirname, '..', '..', '..', 'processes'));

async function main() {
  const catalog = yaml.load(fs.readFileSync(path.join(processes, 'procedures.yaml'), 'utf8'));
  const divisions = catalog.divisions.map(d => d.id);
  const inputs = {};
  const moddle = new BpmnModdle({ camunda });
  for (const folder of fs.readdirSync(processes)) {
    const dir = path.join(processes, folder);
    if (!fs.statSync(dir).isDirectory() || folder.startsWith('.')) {
      continue;
    }
    for (const file of fs.readdirSync(dir).filter(f => f.endsWith('.bpmn'))) {
      const { rootElement } = await moddle.fromXML(fs.readFileSync(path.join(dir, file), 'utf8'));
      for (const element of rootElement.rootElements || []) {
        const declared = (element.extensionElements?.values || [])
          .filter(v => v.$type === 'camunda:Properties')
          .flatMap(p => p.values || [])
          .find(p => p.name === 'inputs');
        if (element.$type === 'bpmn:Process' && declared) {
          inputs[element.id] = declared.value.split(/\s+/).filter(Boolean).sort();
        }
      }
    }
  }
  const out = path.join(__dirname, 'catalog.json');
  fs.writeFileSync(out, JSON.stringify({ divisions, inputs }, null, 2) + '\n');
}

main().catch(e => {
  console.error('Cannot read the catalog under ' + processes + ': ' + e.message);
  process.exit(1);
});
