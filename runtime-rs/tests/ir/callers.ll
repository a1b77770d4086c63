; runtime.Callers / FuncForPC: main.g (line 5) calls rog_callers from main.f (line 8), called
; from main.main (line 12); each return address is symbolised with rog_funcinfo.
;   5 func f() { n := Callers(0, pcs); for _, pc := range pcs[:2] { fi := FuncForPC(pc-1); println(fi.Name(), fi.FileLine(pc-1)) } }
target triple = "x86_64-unknown-linux-gnu"

@pcs = global [8 x i64] zeroinitializer
@fi = global { i64, ptr, i64, ptr, i64 } zeroinitializer

declare i64 @rog_callers(i64, ptr, i64)
declare i64 @rog_funcinfo(i64, ptr)
declare void @rog_printstring(ptr, i64)
declare void @rog_printint(i64)
declare void @rog_printsp()
declare void @rog_printnl()

define void @main.show(ptr nest %ctx, i64 %pc) uwtable noinline {
  %pc1 = sub i64 %pc, 1
  %line = call i64 @rog_funcinfo(i64 %pc1, ptr @fi)
  %np = getelementptr i8, ptr @fi, i64 8
  %name = load ptr, ptr %np
  %nlp = getelementptr i8, ptr @fi, i64 16
  %nl = load i64, ptr %nlp
  %fp = getelementptr i8, ptr @fi, i64 24
  %file = load ptr, ptr %fp
  %flp = getelementptr i8, ptr @fi, i64 32
  %fl = load i64, ptr %flp
  call void @rog_printstring(ptr %name, i64 %nl)
  call void @rog_printsp()
  call void @rog_printstring(ptr %file, i64 %fl)
  call void @rog_printsp()
  call void @rog_printint(i64 %line)
  call void @rog_printnl()
  ret void
}

define void @main.f(ptr nest %ctx) uwtable noinline !dbg !10 {
  %n = call i64 @rog_callers(i64 0, ptr @pcs, i64 8), !dbg !11
  %ok = icmp sge i64 %n, 2, !dbg !11
  call void @rog_printint(i64 %n), !dbg !12
  call void @rog_printnl(), !dbg !12
  %pc0 = load i64, ptr @pcs, !dbg !12
  call void @main.show(ptr nest null, i64 %pc0), !dbg !12
  %p1 = getelementptr i64, ptr @pcs, i64 1, !dbg !12
  %pc1 = load i64, ptr %p1, !dbg !12
  call void @main.show(ptr nest null, i64 %pc1), !dbg !12
  ret void, !dbg !12
}

define void @main.main(ptr nest %ctx) uwtable noinline !dbg !20 {
  call void @main.f(ptr nest null), !dbg !21
  call void @rog_printnl(), !dbg !22
  ret void, !dbg !22
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
!11 = !DILocation(line: 8, scope: !10)
!12 = !DILocation(line: 9, scope: !10)
!20 = distinct !DISubprogram(name: "main.main", scope: !4, file: !4, line: 11, type: !3, scopeLine: 11, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!21 = !DILocation(line: 12, scope: !20)
!22 = !DILocation(line: 13, scope: !20)
