'use strict';

const { is, extensions, fieldValue, RESPONSIBLE } = require('../util');
const catalog = require('../catalog');

/** A handoff (${handOffDossier}) names the receiving unit in its field "to": a division of the catalog. */
module.exports = function() {
  function check(node, reporter) {
    if (!is(node, 'bpmn:ServiceTask') || node.get('camunda:delegateExpression') !== '${handOffDossier}') {
      return;
    }
    const to = fieldValue(extensions(node, 'camunda:Field').find(f => f.name === 'to'));
    if (!to || !to.trim()) {
      reporter.report(node.id, 'Chuyển hồ sơ chưa ghi đơn vị nhận (camunda:field "to")');
    } else if (to.trim() !== RESPONSIBLE && !catalog.divisions.includes(to.trim())) {
      reporter.report(node.id, `Đơn vị nhận "${to.trim()}" không có trong processes/procedures.yaml `
        + `(${catalog.divisions.join(', ')} hoặc \${responsibleDivision})`);
    }
  }
  return { check };
};
