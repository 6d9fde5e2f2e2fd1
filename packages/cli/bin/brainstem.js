#!/usr/bin/env node
// Launcher committed so npm links the `brainstem` bin at install time, before dist/ is built.
import '../dist/brainstem.js';
