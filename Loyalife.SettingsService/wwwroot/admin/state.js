// What the page knows about the chosen program, and a way for sections to hear when it changes.

export const state = {
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
