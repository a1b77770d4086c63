import { describe, expect, test } from "vitest";
import { murmurHash64A } from "./prefill.js";

describe("murmurHash64A", () => {
  // Hashes Ninja 1.11 wrote into a .ninja_log for these command lines.
  test.each([
    [
      "/usr/bin/node /work/main/bin/rog.js action check --toolchain toolchain.id --log rog-actions.log --importpath cmp --go go1.26 --std --src /usr/local/go/src/cmp/cmp.go --rogx pkg/cmp@.rogx --rogb pkg/cmp@.rogb --mir pkg/cmp@.mir",
      "1342b91819823134",
    ],
    ["touch a", "9544b174230a39b3"],
    ["touch bb && true", "d8ba1857907d224b"],
    ["touch c7 ; echo 1234567", "c83d414a18b5e4ca"],
  ])("%s", (command, want) => {
    expect(murmurHash64A(Buffer.from(command)).toString(16)).toBe(want);
  });
});
