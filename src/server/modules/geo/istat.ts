// ISTAT regions (code → name) and provinces (vehicle-plate code, name, region). Shipped with Trama.
export const REGIONS: ReadonlyArray<{ code: string; name: string }> = [
  { code: '01', name: 'Piemonte' },
  { code: '02', name: "Valle d'Aosta/Vallée d'Aoste" },
  { code: '03', name: 'Lombardia' },
  { code: '04', name: 'Trentino-Alto Adige/Südtirol' },
  { code: '05', name: 'Veneto' },
  { code: '06', name: 'Friuli-Venezia Giulia' },
  { code: '07', name: 'Liguria' },
  { code: '08', name: 'Emilia-Romagna' },
  { code: '09', name: 'Toscana' },
  { code: '10', name: 'Umbria' },
  { code: '11', name: 'Marche' },
  { code: '12', name: 'Lazio' },
  { code: '13', name: 'Abruzzo' },
  { code: '14', name: 'Molise' },
  { code: '15', name: 'Campania' },
  { code: '16', name: 'Puglia' },
  { code: '17', name: 'Basilicata' },
  { code: '18', name: 'Calabria' },
  { code: '19', name: 'Sicilia' },
  { code: '20', name: 'Sardegna' },
];

export const PROVINCES: ReadonlyArray<{ code: string; name: string; region: string }> = [
  { code: 'RM', name: 'Roma', region: '12' },
  { code: 'LT', name: 'Latina', region: '12' },
  { code: 'FR', name: 'Frosinone', region: '12' },
  { code: 'RI', name: 'Rieti', region: '12' },
  { code: 'VT', name: 'Viterbo', region: '12' },
];
