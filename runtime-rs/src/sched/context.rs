//! Switching the CPU between goroutine stacks, in assembly.
//!
//! A suspended context is just a stack pointer: `rog_swapctx` pushes the callee-saved registers
//! (rbp, rbx, r12–r15) and the SSE/x87 control words on the current stack, stores rsp through its
//! first argument, loads the second as the new rsp, and pops the same frame back. Caller-saved
//! registers need no saving because the switch is an ordinary call for the compiler.
//!
//! A new goroutine's stack is prepared (by [`init_stack`]) to look like a suspended context whose
//! return address is `rog_goroutine_trampoline`, with the `G` pointer in the r12 slot. The
//! trampoline's CFI marks the return address undefined, so unwinders and backtraces stop there.
//!
//! The assembly in this crate defines no local symbols: no `.size f, . - f` (the `.` makes an
//! unnamed local symbol) and no local labels. A local symbol in module assembly makes LLVM's
//! ThinLTO summary mark every function with inline assembly as not importable, and the
//! allocation fast path must be importable to inline into Go code (see `start.rs`).

use core::arch::global_asm;

global_asm!(
    ".text",
    ".globl rog_swapctx",
    ".type rog_swapctx,@function",
    ".p2align 4",
    "rog_swapctx:",
    "    push rbp",
    "    push rbx",
    "    push r12",
    "    push r13",
    "    push r14",
    "    push r15",
    "    sub rsp, 8",
    "    stmxcsr [rsp]",
    "    fnstcw [rsp + 4]",
    "    mov [rdi], rsp",
    "    mov rsp, rsi",
    "    ldmxcsr [rsp]",
    "    fldcw [rsp + 4]",
    "    add rsp, 8",
    "    pop r15",
    "    pop r14",
    "    pop r13",
    "    pop r12",
    "    pop rbx",
    "    pop rbp",
    "    ret",
    "",
    ".globl rog_goroutine_trampoline",
    ".type rog_goroutine_trampoline,@function",
    ".p2align 4",
    "rog_goroutine_trampoline:",
    "    .cfi_startproc",
    "    .cfi_undefined rip",
    "    mov rdi, r12",
    "    and rsp, -16",
    "    call {entry}",
    "    ud2",
    "    .cfi_endproc",
    "",
    // Calls a Go func value with no arguments and no results: the closure object goes in r10
    // (the `nest` register) and its first word is the code pointer.
    ".globl rog_call_closure0",
    ".type rog_call_closure0,@function",
    ".p2align 4",
    "rog_call_closure0:",
    "    mov r10, rdi",
    "    jmp qword ptr [rdi]",
    "",
    // The same with one and two pointer-sized arguments (finalizers).
    ".globl rog_call_closure1",
    ".type rog_call_closure1,@function",
    ".p2align 4",
    "rog_call_closure1:",
    "    mov r10, rdi",
    "    mov rdi, rsi",
    "    jmp qword ptr [r10]",
    "",
    ".globl rog_call_closure2",
    ".type rog_call_closure2,@function",
    ".p2align 4",
    "rog_call_closure2:",
    "    mov r10, rdi",
    "    mov rdi, rsi",
    "    mov rsi, rdx",
    "    jmp qword ptr [r10]",
    "",
    // Spills the callee-saved registers onto the stack and calls f(arg, sp) so that a
    // conservative scan from sp sees every pointer the caller's frames hold in registers.
    ".globl rog_with_spilled_regs",
    ".type rog_with_spilled_regs,@function",
    ".p2align 4",
    "rog_with_spilled_regs:",
    "    .cfi_startproc",
    "    push rbp",
    "    .cfi_adjust_cfa_offset 8",
    "    .cfi_rel_offset rbp, 0",
    "    mov rbp, rsp",
    "    .cfi_def_cfa_register rbp",
    "    push rbx",
    "    push r12",
    "    push r13",
    "    push r14",
    "    push r15",
    "    push r15",
    "    mov rax, rsi",
    "    mov rsi, rsp",
    "    call rax",
    "    add rsp, 8",
    "    pop r15",
    "    pop r14",
    "    pop r13",
    "    pop r12",
    "    pop rbx",
    "    pop rbp",
    "    .cfi_def_cfa rsp, 8",
    "    ret",
    "    .cfi_endproc",
    entry = sym super::goroutine_entry,
);

extern "C" {
    /// Saves the current context's rsp in `*save` and resumes the context whose rsp is `load`.
    pub fn rog_swapctx(save: *mut usize, load: usize);
    fn rog_goroutine_trampoline();
}

// Go code may panic: these calls unwind.
extern "C-unwind" {
    /// Calls the closure `f` (a Go `func()` value).
    pub fn rog_call_closure0(f: *mut u8);
    /// Calls the closure `f` with one pointer-sized argument.
    pub fn rog_call_closure1(f: *mut u8, a: usize);
    /// Calls the closure `f` with two pointer-sized arguments.
    pub fn rog_call_closure2(f: *mut u8, a: usize, b: usize);
    /// Calls `f(arg, sp)` with all callee-saved registers spilled below sp.
    pub fn rog_with_spilled_regs(arg: *mut u8, f: extern "C-unwind" fn(*mut u8, usize));
}

/// Lays out a fresh suspended context at the top of a stack ending at `top` (16-byte aligned)
/// that starts `rog_goroutine_trampoline` with `g` in r12. Returns the context's rsp.
///
/// # Safety
/// `top` must be the writable top of an otherwise unused stack.
pub unsafe fn init_stack(top: usize, g: usize) -> usize {
    // From high to low: padding, return address, rbp, rbx, r12, r13, r14, r15, control words.
    let frame = [0x1f80_usize | (0x037f << 32), 0, 0, 0, g, 0, 0, rog_goroutine_trampoline as *const () as usize, 0];
    let sp = top - frame.len() * 8;
    core::ptr::copy_nonoverlapping(frame.as_ptr(), sp as *mut usize, frame.len());
    sp
}
