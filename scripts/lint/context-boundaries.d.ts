import type { Rule } from 'eslint';

export declare const contextBoundaries: Rule.RuleModule;
