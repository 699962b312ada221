'use strict';

const { is } = require('../util');

/** Every user task has a due date, so Tasklist orders and the statistics count it. */
module.exports = function() {
  function check(node, reporter) {
    if (is(node, 'bpmn:UserTask') && !node.get('camunda:dueDate')) {
      reporter.report(node.id, 'Công việc chưa có hạn xử lý (camunda:dueDate; bước theo ISO: '
        + '${deadlines.stepDue(execution)})');
    }
  }
  return { check };
};
