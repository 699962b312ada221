'use strict';

const { is } = require('bpmnlint-utils');

const TIMED_STEP_DUE = '${deadlines.stepDue(execution)}';
const TIMED_STEP_WARNING = '${deadlines.stepWarning(execution)}';
/** The procedure's own division, resolved per dossier from the catalog. */
const RESPONSIBLE = '${responsibleDivision}';

function extensions(node, type) {
  return (node.extensionElements?.values || []).filter(v => v.$type === type);
}

/** A division id of the catalog, its leaders' group, or the procedure's division (and its leaders). */
function isKnownGroup(group, divisions) {
  const id = group.trim().replace(/-lead$/, '');
  return id === RESPONSIBLE || divisions.includes(id);
}

/** The text of a camunda:field: its stringValue / string child, or its expression. */
function fieldValue(field) {
  if (!field) {
    return undefined;
  }
  return field.stringValue ?? field.string ?? field.expression;
}

module.exports = { is, extensions, isKnownGroup, fieldValue, TIMED_STEP_DUE, TIMED_STEP_WARNING, RESPONSIBLE };
