import { METHODS } from 'node:http';

/** The parts of an Express 5 router layer this reads: a route's methods and the layer's own path matchers. */
interface RouterLayer {
  route?: { methods: Record<string, boolean> };
  matchers?: ((path: string) => unknown)[];
}

const METHOD_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

function matches(layer: RouterLayer, path: string): boolean {
  try {
    return (layer.matchers ?? []).some((matcher) => Boolean(matcher(path)));
  } catch {
    // A malformed percent-encoding cannot match a route.
    return false;
  }
}

/** Middleware Nest mounts on a path prefix appears as a route taking every method; it says nothing about what the endpoints answer. */
function isMiddlewareMount(methods: Record<string, boolean>): boolean {
  return methods._all === true || METHODS.every((method) => methods[method.toLowerCase()]);
}

/** The methods the registered routes answer on this path, from the router itself, in a stable order; empty when no route has the path. */
export function allowedMethods(routerStack: readonly RouterLayer[], path: string): string[] {
  const methods = new Set<string>();
  for (const layer of routerStack) {
    if (!layer.route || isMiddlewareMount(layer.route.methods) || !matches(layer, path)) continue;
    for (const [method, handled] of Object.entries(layer.route.methods)) {
      if (handled) methods.add(method.toUpperCase());
    }
  }
  return METHOD_ORDER.filter((method) => methods.has(method)).concat([...methods].filter((method) => !METHOD_ORDER.includes(method)));
}
