// The runtime entry points generated code calls (ABI.md §5), with their exact C-ABI LLVM
// declarations. Calls to entries not in this table are declared from the call site.

/** RuntimeEntry is one entry point's LLVM signature. */
export interface RuntimeEntry {
  ret: string;
  params: string[];
  /** attrs are function attributes written after the parameter list. */
  attrs?: string;
}

const NORETURN = "noreturn cold";

/** RUNTIME lists the entry points by symbol. */
export const RUNTIME: Record<string, RuntimeEntry> = {
  rog_printlock: { ret: "void", params: [] },
  rog_printunlock: { ret: "void", params: [] },
  rog_printstring: { ret: "void", params: ["ptr", "i64"] },
  rog_printint: { ret: "void", params: ["i64"] },
  rog_printuint: { ret: "void", params: ["i64"] },
  rog_printhex: { ret: "void", params: ["i64"] },
  rog_printfloat: { ret: "void", params: ["double"] },
  rog_printfloat32: { ret: "void", params: ["float"] },
  rog_printcomplex: { ret: "void", params: ["double", "double"] },
  rog_printcomplex64: { ret: "void", params: ["float", "float"] },
  rog_printbool: { ret: "void", params: ["i1 zeroext"] },
  rog_printpointer: { ret: "void", params: ["ptr"] },
  rog_printeface: { ret: "void", params: ["ptr", "ptr"] },
  rog_printiface: { ret: "void", params: ["ptr", "ptr"] },
  rog_printslice: { ret: "void", params: ["ptr", "i64", "i64"] },
  rog_printsp: { ret: "void", params: [] },
  rog_printnl: { ret: "void", params: [] },
  rog_alloc: { ret: "ptr", params: ["i64", "ptr"] },
  rog_convT64: { ret: "ptr", params: ["i64"] },
  rog_makeslice: { ret: "ptr", params: ["ptr", "i64", "i64"] },
  rog_panic_index: { ret: "void", params: ["i64", "i64"], attrs: NORETURN },
  rog_panic_bounds: { ret: "void", params: ["i64", "i64", "i32"], attrs: NORETURN },
  rog_panic_shift: { ret: "void", params: [], attrs: NORETURN },
  rog_panic_nilderef: { ret: "void", params: [], attrs: NORETURN },
  rog_panic_divide: { ret: "void", params: [], attrs: NORETURN },
  rog_panic_rangestate: { ret: "void", params: ["i64"], attrs: NORETURN },
  rog_getitab: { ret: "ptr", params: ["ptr", "ptr", "i1 zeroext"] },
  rog_sametype: { ret: "zeroext i1", params: ["ptr", "ptr"] },
  rog_assertE2I: { ret: "ptr", params: ["ptr", "ptr"] },
  rog_panicdottypeE: { ret: "void", params: ["ptr", "ptr", "ptr"], attrs: NORETURN },
  rog_panicdottypeI: { ret: "void", params: ["ptr", "ptr", "ptr"], attrs: NORETURN },
  rog_efaceeq: { ret: "zeroext i1", params: ["ptr", "ptr", "ptr"] },
  rog_ifaceeq: { ret: "zeroext i1", params: ["ptr", "ptr", "ptr"] },
  rog_typeequal: { ret: "zeroext i1", params: ["ptr", "ptr", "ptr"] },
  rog_memequal: { ret: "zeroext i1", params: ["ptr", "ptr", "ptr"] },
  rog_strequal: { ret: "zeroext i1", params: ["ptr", "ptr", "ptr"] },
  rog_newproc: { ret: "void", params: ["ptr"] },
  rog_gosched: { ret: "void", params: [] },
  rog_preempt: { ret: "void", params: [] },
  rog_personality: { ret: "i32", params: ["..."] },
  rog_deferproc: { ret: "void", params: ["ptr", "ptr"] },
  rog_deferreturn: { ret: "void", params: ["ptr"] },
  rog_deferpanic: { ret: "zeroext i1", params: ["ptr", "ptr"] },
  rog_panic_resume: { ret: "void", params: ["ptr"], attrs: NORETURN },
  rog_gorecover: { ret: "{ ptr, ptr }", params: [] },
  rog_makechan: { ret: "ptr", params: ["ptr", "i64"] },
  rog_chansend: { ret: "void", params: ["ptr", "ptr"] },
  rog_chanrecv: { ret: "zeroext i1", params: ["ptr", "ptr"] },
  rog_selectnbsend: { ret: "zeroext i1", params: ["ptr", "ptr"] },
  rog_selectnbrecv: { ret: "{ i64, i64 }", params: ["ptr", "ptr"] },
  rog_closechan: { ret: "void", params: ["ptr"] },
  rog_chanlen: { ret: "i64", params: ["ptr"] },
  rog_chancap: { ret: "i64", params: ["ptr"] },
  rog_selectgo: { ret: "{ i64, i64 }", params: ["ptr", "i64", "i1 zeroext"] },
  rog_block: { ret: "void", params: [], attrs: NORETURN },
  rog_makemap: { ret: "ptr", params: ["ptr", "i64"] },
  rog_mapaccess1: { ret: "ptr", params: ["ptr", "ptr", "ptr"] },
  rog_mapaccess2: { ret: "{ ptr, i64 }", params: ["ptr", "ptr", "ptr"] },
  rog_mapassign: { ret: "ptr", params: ["ptr", "ptr", "ptr"] },
  rog_mapdelete: { ret: "void", params: ["ptr", "ptr", "ptr"] },
  rog_mapclear: { ret: "void", params: ["ptr", "ptr"] },
  rog_maplen: { ret: "i64", params: ["ptr"] },
  rog_mapiterinit: { ret: "void", params: ["ptr", "ptr", "ptr"] },
  rog_mapiternext: { ret: "void", params: ["ptr"] },
  rog_goexit: { ret: "void", params: [], attrs: NORETURN },
  rog_gopanic: { ret: "void", params: ["ptr", "ptr"], attrs: NORETURN },
};

/** PANIC_ENTRY maps an Assert's PanicKind to the runtime entry that raises it. */
export const PANIC_ENTRY: Record<string, string> = {
  index: "rog_panic_index",
  bounds: "rog_panic_bounds",
  nilderef: "rog_panic_nilderef",
  divide: "rog_panic_divide",
  shift: "rog_panic_shift",
};

/** declareRuntime renders the declaration of a runtime entry from the table. */
export function declareRuntime(sym: string, e: RuntimeEntry): string {
  const attrs = e.attrs ? ` ${e.attrs}` : "";
  return `declare ${e.ret} @${sym}(${e.params.join(", ")})${attrs}`;
}
