// What the page knows about the chosen program, and a way for sections to hear when it changes.

export const state = {
  caller: null,    // {name, role, programs, session} as GET /v1/me answered
  readOnly: true,  // a viewer: the page leaves out every control that changes something
  programId: null,
  program: null,   // {programId, name, timeZone?}
  settings: null,  // the integration as GET answered it, or null when not configured
};

const listeners = new Set();

export function onSettingsChanged(listener) {
  listeners.add(listener);
}

export function setSettings(settings) {
  state.settings = settings;
  for (const listener of listeners) listener(settings);
}
