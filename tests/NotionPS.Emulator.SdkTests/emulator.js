// Starts the built NotionPS emulator on a free loopback port (it prints the address it bound) and offers the
// admin API. The emulator runs with the rate limit off: limits are tested on their own in the C# suite.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const project = join(repoRoot, "src", "NotionPS.Emulator");
const dll = join(project, "bin", "Debug", "net10.0", "NotionPS.Emulator.dll");

export async function startEmulator() {
  if (!existsSync(dll)) {
    const build = spawnSync("dotnet", ["build", project, "-c", "Debug", "--nologo"], { stdio: "inherit" });
    if (build.status !== 0) throw new Error("Building the emulator failed.");
  }

  const child = spawn("dotnet", [dll, "--urls", "http://127.0.0.1:0", "--rate-limit", "0", "--retry-after", "0"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const baseUrl = await new Promise((resolveUrl, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`The emulator did not start: ${output}`)), 60_000);
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+?)\/?\s/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
    child.once("exit", (code) => reject(new Error(`The emulator exited with ${code}: ${output}`)));
  });

  return {
    baseUrl,
    async admin(method, path, body) {
      const response = await fetch(`${baseUrl}/__emulator/${path}`, {
        method,
        headers: { "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`Admin ${method} ${path}: ${response.status} ${await response.text()}`);
      return response.status === 204 ? undefined : response.json();
    },
    /** Asks the emulator to stop (SIGTERM) and waits for it; kills it if it lingers. */
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.once("exit", done));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
