/** Every storage key Glimpse uses, and where it lives. */
export const STORAGE_KEYS = {
  /** storage.local: LatestOutcome, what the popup shows first. */
  latest: 'latest',
  /** storage.local: BackendPreference chosen by the user ('auto' when absent). */
  backendPreference: 'backendPreference',
  /** storage.local: BackendDecision the engine made on this machine. */
  backendDecision: 'backendDecision',
  /** storage.local: most WASM threads the engine may use (absent: chosen from the machine); benchmarks and tests set 1. */
  engineMaxThreads: 'engineMaxThreads',
  /** storage.session: EngineStatus of the running engine. */
  engineStatus: 'engineStatus',
  /** storage.local: history entries live under keys starting with this (see HistoryStore). */
  historyPrefix: 'history:',
} as const;
