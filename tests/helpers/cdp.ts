// A minimal Chrome DevTools Protocol client for the page's tests: Debian's /usr/bin/chromium,
// headless, driven over the WebSocket that `--remote-debugging-port` opens. It replaces
// playwright-core, whose 8 MB package every first `deno task train` used to download because the
// lock file listed it (the page's tests need six calls: navigate, evaluate, wait, upload files,
// read errors, close). Each page call is a script run in the page by Runtime.evaluate.

/** One attached page: evaluate scripts, wait for conditions, give file inputs their files. */
export interface Page {
  /** Runs `fn(arg)` in the page and returns its (JSON) result; awaits a returned promise. */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Polls `fn(arg)` in the page until it is truthy; fails after `timeoutMs` saying `what`. */
  waitFor<A>(fn: (arg: A) => unknown, arg: A, what: string, timeoutMs?: number): Promise<void>;
  /** Sets the files of the `<input type=file>` that `selector` finds (fires input and change). */
  setInputFiles(selector: string, files: string[]): Promise<void>;
  /** Navigates and waits for the load event. */
  goto(url: string): Promise<void>;
  /** Uncaught exceptions the page has thrown so far. */
  readonly errors: string[];
}

export interface Browser {
  newPage(viewport: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

interface Message {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
  sessionId?: string;
}

/** Starts Chromium with `args` and connects to its browser target. */
export async function launch(executable: string, args: string[]): Promise<Browser> {
  const profile = await Deno.makeTempDir({ prefix: "cdp_profile_" });
  const child = new Deno.Command(executable, {
    args: [
      "--headless",
      "--remote-debugging-port=0",
      `--user-data-dir=${profile}`,
      ...args,
      "about:blank",
    ],
    stdin: "null",
    stdout: "null",
    stderr: "piped",
  }).spawn();
  let socket: WebSocket;
  try {
    socket = await connect(await endpoint(child.stderr));
  } catch (e) {
    child.kill();
    await child.status;
    await Deno.remove(profile, { recursive: true }).catch(() => {});
    throw e;
  }
  const conn = new Connection(socket);
  return {
    async newPage(viewport) {
      const { targetId } = await conn.send("Target.createTarget", { url: "about:blank" });
      const { sessionId } = await conn.send("Target.attachToTarget", { targetId, flatten: true });
      const page = new CdpPage(conn, sessionId as string);
      await page.init(viewport);
      return page;
    },
    async close() {
      await conn.send("Browser.close").catch(() => {});
      conn.close();
      // Chromium exits on Browser.close; the kill is for one that does not.
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await child.status;
      clearTimeout(timer);
      await Deno.remove(profile, { recursive: true }).catch(() => {});
    },
  };
}

/** The browser's WebSocket address, from the line Chromium prints on stderr at start. The rest
 *  of stderr is drained so a chatty browser never blocks on a full pipe. */
async function endpoint(stderr: ReadableStream<Uint8Array>): Promise<string> {
  const reader = stderr.getReader(), decoder = new TextDecoder();
  let text = "";
  const deadline = setTimeout(() => reader.cancel("timeout"), 30_000);
  try {
    while (true) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      const m = text.match(/DevTools listening on (ws:\/\/\S+)/);
      if (m) {
        (async () => {
          while (!(await reader.read().catch(() => ({ done: true }))).done) { /* drain */ }
        })();
        return m[1];
      }
    }
  } finally {
    clearTimeout(deadline);
  }
  throw new Error(`chromium did not open a DevTools endpoint; it said:\n${text.slice(-2000)}`);
}

function connect(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.onopen = () => resolve(ws);
    ws.onerror = () => reject(new Error(`cannot connect to ${url}`));
  });
}

/** Request/response over one WebSocket: commands carry ids, events go to listeners. */
class Connection {
  private next = 1;
  private pending = new Map<
    number,
    { ok: (r: Message["result"]) => void; fail: (e: Error) => void }
  >();
  private listeners: ((m: Message) => void)[] = [];

  constructor(private readonly ws: WebSocket) {
    ws.onmessage = (e) => {
      const m: Message = JSON.parse(e.data);
      if (m.id === undefined) {
        for (const l of this.listeners) l(m);
        return;
      }
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (m.error) p?.fail(new Error(m.error.message));
      else p?.ok(m.result);
    };
    ws.onclose = () => {
      for (const p of this.pending.values()) p.fail(new Error("the browser closed the connection"));
      this.pending.clear();
    };
  }

  // deno-lint-ignore no-explicit-any
  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<any> {
    const id = this.next++;
    return new Promise((ok, fail) => {
      this.pending.set(id, { ok, fail: (e) => fail(new Error(`${method}: ${e.message}`)) });
      this.ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  }

  on(listener: (m: Message) => void): void {
    this.listeners.push(listener);
  }

  close(): void {
    this.ws.close();
  }
}

class CdpPage implements Page {
  readonly errors: string[] = [];
  private loads: (() => void)[] = [];

  constructor(private readonly conn: Connection, private readonly session: string) {
    conn.on((m) => {
      if (m.sessionId !== session) return;
      if (m.method === "Runtime.exceptionThrown") {
        const d = m.params!.exceptionDetails as {
          text: string;
          exception?: { description?: string };
        };
        this.errors.push(d.exception?.description ?? d.text);
      } else if (m.method === "Page.loadEventFired") {
        for (const f of this.loads.splice(0)) f();
      }
    });
  }

  private send(method: string, params: Record<string, unknown> = {}) {
    return this.conn.send(method, params, this.session);
  }

  async init(viewport: { width: number; height: number }): Promise<void> {
    await this.send("Page.enable");
    await this.send("Runtime.enable");
    await this.send("Emulation.setDeviceMetricsOverride", {
      ...viewport,
      deviceScaleFactor: 1,
      mobile: false,
    });
  }

  async goto(url: string): Promise<void> {
    const loaded = new Promise<void>((r) => this.loads.push(r));
    const nav = await this.send("Page.navigate", { url });
    if (nav.errorText) throw new Error(`cannot open ${url}: ${nav.errorText}`);
    await loaded;
  }

  async evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    const r = await this.send("Runtime.evaluate", {
      expression: `(${fn.toString()})(${JSON.stringify(arg ?? null)})`,
      awaitPromise: true,
      returnByValue: true,
    });
    if (r.exceptionDetails) {
      const d = r.exceptionDetails;
      throw new Error(`in the page: ${d.exception?.description ?? d.text}`);
    }
    return r.result.value as R;
  }

  async waitFor<A>(fn: (arg: A) => unknown, arg: A, what: string, timeoutMs = 30_000) {
    const end = performance.now() + timeoutMs;
    while (!(await this.evaluate(fn, arg))) {
      if (performance.now() > end) {
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async setInputFiles(selector: string, files: string[]): Promise<void> {
    const found = await this.send("Runtime.evaluate", {
      expression: `document.querySelector(${JSON.stringify(selector)})`,
    });
    const objectId = found.result?.objectId;
    if (!objectId) throw new Error(`no element matches ${selector}`);
    await this.send("DOM.setFileInputFiles", { files, objectId });
  }
}
