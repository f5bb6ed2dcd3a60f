export { defineSuite, CandidateError, PortableError } from './suite.js';
export type { SuiteApi, TestOptions, TestBody, TestContext, Sut, Instance, BatchStep, ClockStep, ManualClock, SuiteDefinition, Fake, FakeCall, FakeMethods } from './suite.js';
