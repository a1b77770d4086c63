// Export data (.rogx): placeholder until the writer and reader land.
import type { Importer } from "./checker.js";
import type { Package } from "./object.js";
export function writeExportData(_pkg: Package): Uint8Array {
  throw new Error("not supported yet: export data");
}
export function readExportData(_b: Uint8Array, _path: string, _imp: Importer): Package {
  throw new Error("not supported yet: export data");
}
