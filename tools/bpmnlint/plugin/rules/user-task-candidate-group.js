'use strict';

const { is, isKnownGroup } = require('../util');
const catalog = require('../catalog');

/** Every user task belongs to a division of processes/procedures.yaml (camunda:candidateGroups). */
module.exports = function() {
  function check(node, reporter) {
    if (!is(node, 'bpmn:UserTask')) {
      return;
    }
    const groups = node.get('camunda:candidateGroups');
    if (!groups || !groups.trim()) {
      reporter.report(node.id, 'Công việc chưa có nhóm xử lý (camunda:candidateGroups): mỗi công việc thuộc một đơn vị');
      return;
    }
    for (const group of groups.split(',')) {
      if (!isKnownGroup(group, catalog.divisions)) {
        reporter.report(node.id, `Nhóm xử lý "${group.trim()}" không phải đơn vị trong processes/procedures.yaml `
          + `(${catalog.divisions.join(', ')}, thêm -lead cho lãnh đạo đơn vị, hoặc \${responsibleDivision})`);
      }
    }
  }
  return { check };
};
