#!/usr/bin/env node
import { readVersion } from '../node/version.js';
import { cli } from './cli.js';

process.exitCode = await cli(process.argv.slice(2), readVersion());
