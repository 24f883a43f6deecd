export { SandboxError } from '../../sandbox-kit/sandbox-error.js';
