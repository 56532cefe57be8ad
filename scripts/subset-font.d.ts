// Types de subset-font 2.9 (le paquet n'en publie pas ; @types/subset-font, resté en 2.3, ignore keepFeatures et noHinting).
declare module 'subset-font' {
  interface OptionsSousEnsemble {
    targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype';
    keepFeatures?: string[];
    noHinting?: boolean;
    noLayoutClosure?: boolean;
    preserveNameIds?: number[];
  }
  export default function subsetFont(police: Buffer, texte: string, options?: OptionsSousEnsemble): Promise<Buffer>;
}
