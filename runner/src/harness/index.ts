export { defineSuite, CandidateError } from './suite.js';
export type { SuiteApi, TestOptions, TestBody, TestContext, Sut, Instance, BatchStep, ClockStep, ManualClock, SuiteDefinition } from './suite.js';
