import { createElement, use, type ComponentProps, type ComponentType } from 'react';
import SessionsScreen from './sessions';

/**
 * The popup's features, one line each: the names of the views it draws and its screen, the
 * index.tsx of its folder. Views are routed by this map, not by their names. Every feature but
 * the sessions (the popup opens on their list, or on a login in progress, and paints it at once)
 * is its own chunk. Chunks are fetched when the popup is idle after its first paint, and a view
 * is only switched to once its chunk is there (PopupApp keeps the previous one on screen until
 * then), so no view ever shows a loading fallback: React holds a revealed fallback for 300 ms,
 * which is what made every lazy view take a third of a second. Adding a feature is a folder whose
 * index.tsx draws its views, and one line here; the popup's View type follows from this map.
 */
export const FEATURES = {
  sessions: eager(SessionsScreen, ['list']),
  sessionTools: chunk(() => import('./session-tools'), ['new-session', 'login', 'devices', 'webhook', 'logout-by-id']),
  groups: chunk(() => import('./groups'), ['groups', 'group', 'group-participants', 'group-requests', 'group-create', 'group-join']),
  compose: chunk(() => import('./compose'), ['compose']),
  chats: chunk(() => import('./chats'), ['chats', 'chat']),
  account: chunk(() => import('./account'), ['profile']),
  server: chunk(() => import('./server'), ['server']),
  allServers: chunk(() => import('./all-servers'), ['all-servers']),
};

/** A feature's screen: a component that draws the feature's views, given as its `view` prop. */
type Screen = ComponentType<{ view: never }>;
/** The views a screen draws. */
type ViewOf<S extends Screen> = ComponentProps<S>['view'];

/** `S` is the screen as its module declares it (lazy or not), so its views can be read from it. */
interface Feature<S extends Screen> {
  Screen: S;
  views: readonly ViewOf<S>['name'][];
  /** Fetches the feature's chunk (once); undefined when it is already there. */
  preload(): Promise<unknown> | undefined;
}

/** What the popup can show: every feature's views. */
export type View = (typeof FEATURES)[keyof typeof FEATURES] extends infer F ? (F extends Feature<infer S> ? ViewOf<S> : never) : never;

/** The view names, all of them: leaving out one the screen draws does not compile. */
type AllViews<S extends Screen, N extends readonly string[]> = N &
  ([Exclude<ViewOf<S>['name'], N[number]>] extends [never] ? unknown : { missing: Exclude<ViewOf<S>['name'], N[number]> });

/** A feature in the popup's first chunk. */
function eager<S extends Screen, const N extends readonly ViewOf<S>['name'][]>(Screen: S, views: AllViews<S, N>): Feature<S> {
  return { Screen, views, preload: () => undefined };
}

/** A feature in a chunk of its own, loaded when one of its views is first shown. */
function chunk<S extends Screen, const N extends readonly ViewOf<S>['name'][]>(load: () => Promise<{ default: S }>, views: AllViews<S, N>): Feature<S> {
  let loaded: S | undefined;
  let failed = false;
  let pending: Promise<S> | undefined;
  const fetchChunk = () =>
    (pending ??= load().then(
      (module) => (loaded = module.default),
      (error: unknown) => {
        failed = true; // shown as the view's error when it renders, not retried in a loop
        throw error;
      },
    ));
  // Drawn at once when the chunk is there; otherwise it suspends until it is (only a view the
  // popup opens on, like a login in progress, can get here before its chunk).
  const Screen = ((props: ComponentProps<S>) => createElement(loaded ?? use(fetchChunk()), props)) as unknown as S;
  return { Screen, views, preload: () => (loaded || failed ? undefined : fetchChunk()) };
}

/** A feature as the router uses it: its screen may be given any view (of its own, by this map). */
interface RoutedFeature {
  Screen: ComponentType<{ view: View }>;
  preload(): Promise<unknown> | undefined;
}

const byView = new Map<string, RoutedFeature>(
  // A screen is only ever given views of its own feature (that is what this map says), so here
  // it may be typed as taking any view.
  Object.values(FEATURES).flatMap((feature) => feature.views.map((name) => [name, feature as unknown as RoutedFeature] as const)),
);

/** The screen that draws this view. */
export function screenOf(view: View): ComponentType<{ view: View }> {
  return byView.get(view.name)!.Screen;
}

/** Fetches the chunk that draws this view; undefined when it is there already. */
export function preloadView(view: View): Promise<unknown> | undefined {
  return byView.get(view.name)!.preload();
}

/** Fetches every feature's chunk (the popup does it when idle after its first paint). */
export function preloadAllViews(): void {
  for (const feature of Object.values(FEATURES)) void feature.preload()?.catch(() => undefined);
}
