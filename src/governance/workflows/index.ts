export { auditWorkflows, auditWorkflowFiles, auditParsedWorkflow, actionName, isUnpinnedThirdParty, type WorkflowAuditResult, type WorkflowFinding, type WorkflowRuleId } from './audit.js';
export { parseWorkflow, allSecretRefs, effectivePermissions, grantsIdTokenWrite, type Workflow, type WorkflowJob, type WorkflowStep, type SecretRef, type Permissions, type Located, type WorkflowParseProblem } from './model.js';
export { readWorkflowFiles, readWorkflowFilesAt, WORKFLOWS_DIR, type WorkflowFile } from './files.js';
export { renderWorkflowAuditText, renderWorkflowAuditMarkdown, findingLocation } from './render.js';
export { KEYWARD_ACTION } from './snippets.js';
