'use strict';

const { is } = require('../util');

/** Every user task opens a Camunda Form deployed with its model (formRef, formRefBinding="deployment"). */
module.exports = function() {
  function check(node, reporter) {
    if (!is(node, 'bpmn:UserTask')) {
      return;
    }
    if (!node.get('camunda:formRef')) {
      reporter.report(node.id, 'Công việc chưa có biểu mẫu (camunda:formRef: id của tệp .form cùng thư mục)');
    } else if (node.get('camunda:formRefBinding') !== 'deployment') {
      reporter.report(node.id, 'Biểu mẫu phải gắn theo lần triển khai (camunda:formRefBinding="deployment"), '
        + 'để mô hình và biểu mẫu cùng phiên bản');
    }
  }
  return { check };
};
