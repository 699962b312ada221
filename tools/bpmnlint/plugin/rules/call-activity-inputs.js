'use strict';

const { is, extensions } = require('../util');
const catalog = require('../catalog');

/**
 * A call activity passes every variable the called model declares it reads (camunda:property "inputs" on the
 * called process), by camunda:in source/target of the same name or variables="all".
 */
module.exports = function() {
  function check(node, reporter) {
    if (!is(node, 'bpmn:CallActivity')) {
      return;
    }
    const needed = catalog.inputs[node.get('calledElement')];
    if (!needed) {
      return;
    }
    const ins = extensions(node, 'camunda:In');
    if (ins.some(i => i.variables === 'all')) {
      return;
    }
    const passed = new Set(ins.filter(i => i.source && i.source === i.target).map(i => i.target));
    const missing = needed.filter(v => !passed.has(v));
    if (missing.length) {
      reporter.report(node.id, `Chưa truyền cho mô hình "${node.get('calledElement')}" các biến nó đọc: `
        + `${missing.join(', ')} (camunda:in source và target cùng tên)`);
    }
  }
  return { check };
};
