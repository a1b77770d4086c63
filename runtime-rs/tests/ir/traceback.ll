; An unrecovered panic prints the goroutine's Go frames with file:line from the DWARF line
; table, captured where the panic started (before main.main's defer unwound main.f):
;   7  func f(i int) { a := []int{1, 2, 3}; _ = a[i] }
;  11  func main() {
;  12      defer println("deferred")
;  13      f(5)
;  14  }
target triple = "x86_64-unknown-linux-gnu"

@.deferred = private constant [9 x i8] c"deferred\0A"
@"main.main.func1·f" = private global { ptr, ptr, i64, ptr } { ptr @main.main.func1, ptr null, i64 0, ptr null }

declare void @rog_panic_index(i64, i64) noreturn
declare void @rog_printstring(ptr, i64)
declare void @rog_deferproc(ptr, ptr)
declare void @rog_deferreturn(ptr)
declare i1 @rog_deferpanic(ptr, ptr)
declare void @rog_panic_resume(ptr) noreturn
declare i32 @rog_personality(...)

define void @main.f(ptr nest %ctx, i64 %i) uwtable noinline !dbg !10 {
  %bad = icmp uge i64 %i, 3, !dbg !11
  br i1 %bad, label %fail, label %ok, !dbg !11
fail:
  call void @rog_panic_index(i64 %i, i64 3), !dbg !11
  unreachable
ok:
  ret void, !dbg !11
}

define void @main.main.func1(ptr nest %ctx) uwtable !dbg !20 {
  call void @rog_printstring(ptr @.deferred, i64 9), !dbg !21
  ret void, !dbg !21
}

define void @main.main(ptr nest %ctx) uwtable noinline personality ptr @rog_personality !dbg !30 {
entry:
  %frame = alloca i8
  invoke void @rog_deferproc(ptr @"main.main.func1·f", ptr %frame) to label %next unwind label %lpad, !dbg !31
next:
  invoke void @main.f(ptr nest null, i64 5) to label %done unwind label %lpad, !dbg !32
done:
  invoke void @rog_deferreturn(ptr %frame) to label %ret unwind label %lpad, !dbg !33
ret:
  ret void, !dbg !33
lpad:
  %lp = landingpad { ptr, i32 } cleanup, !dbg !33
  %exc = extractvalue { ptr, i32 } %lp, 0, !dbg !33
  %rec = call i1 @rog_deferpanic(ptr %exc, ptr %frame), !dbg !33
  br i1 %rec, label %done, label %resume, !dbg !33
resume:
  call void @rog_panic_resume(ptr %exc), !dbg !33
  unreachable
}

define void @__rog_program_main() uwtable {
  call void @main.main(ptr nest null)
  ret void
}

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!1, !2}
!0 = distinct !DICompileUnit(language: DW_LANG_Go, file: !4, producer: "rog", isOptimized: true, runtimeVersion: 0, emissionKind: LineTablesOnly)
!1 = !{i32 2, !"Debug Info Version", i32 3}
!2 = !{i32 7, !"Dwarf Version", i32 5}
!3 = !DISubroutineType(types: !{})
!4 = !DIFile(filename: "main.go", directory: "/work/x")
!10 = distinct !DISubprogram(name: "main.f", scope: !4, file: !4, line: 7, type: !3, scopeLine: 7, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!11 = !DILocation(line: 7, scope: !10)
!20 = distinct !DISubprogram(name: "main.main.func1", scope: !4, file: !4, line: 12, type: !3, scopeLine: 12, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!21 = !DILocation(line: 12, scope: !20)
!30 = distinct !DISubprogram(name: "main.main", scope: !4, file: !4, line: 11, type: !3, scopeLine: 11, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!31 = !DILocation(line: 12, scope: !30)
!32 = !DILocation(line: 13, scope: !30)
!33 = !DILocation(line: 14, scope: !30)
