// `rog env`: every tool rog uses with its path and version, GOROOT, and the build and cache
// directories, like `go env`.

import { UserError } from "../diag.js";
import type { Command } from "./main.js";
import { ROG_VERSION } from "./version.js";
import * as tc from "../../toolchains/toolchain.js";
import { buildDir } from "../../rules/src/build.js";

export const command: Command = {
  summary: "print rog and toolchain environment information",
  async run() {
    const lines: string[] = [`ROGVERSION='${ROG_VERSION}'`];
    let failed = false;
    const probe = (key: string, f: () => string) => {
      try {
        lines.push(`${key}='${f()}'`);
      } catch (e) {
        failed = true;
        lines.push(`${key}='' # ${e instanceof UserError ? e.message : String(e)}`);
      }
    };
    probe("CLANG", () => {
      const t = tc.clang();
      return `${t.path} ${t.version}`;
    });
    probe("LLD", () => {
      const t = tc.lld();
      return `${t.path} ${t.version}`;
    });
    probe("RUSTC", () => {
      const t = tc.rustc();
      return `${t.path} ${t.version} LLVM ${t.llvm}`;
    });
    probe("NINJA", () => {
      const t = tc.ninja();
      return `${t.path} ${t.version}`;
    });
    probe("GOROOT", () => tc.goroot().goroot);
    probe("GOVERSION", () => tc.goroot().version);
    probe("ROGRUNTIME", () => tc.runtimeArchive());
    lines.push(`ROGCACHE='${tc.cacheDir()}'`);
    lines.push(`ROGBUILDDIR='${buildDir(process.cwd())}'`);
    lines.push(`GOOS='linux'`, `GOARCH='amd64'`);
    process.stdout.write(lines.join("\n") + "\n");
    return failed ? 1 : 0;
  },
};
