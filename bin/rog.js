#!/usr/bin/env node
// The `rog` command: runs the compiled driver (npm run build writes dist/).
import { main } from "../dist/compiler/driver/main.js";

process.exitCode = await main(process.argv.slice(2));
