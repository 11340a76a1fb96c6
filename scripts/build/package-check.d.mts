export declare const FORBIDDEN: RegExp[];
export declare const DEVELOPMENT_MARKERS: string[];
export declare function checkPackage(browser: string, files: string[], readText: (file: string) => string): void;
