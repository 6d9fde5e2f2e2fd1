#!/usr/bin/env node
// Launcher committed so npm links the `brainstem-server` bin at install time, before dist/ is built.
import '../dist/bin.js';
